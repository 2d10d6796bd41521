// Jobs of the text pipeline: analyse one piece of feedback, re-analyse history in batches, retrain a model.
import type { JobDefinition, Jobs } from "../../platform/jobs/jobs";
import type { TargetKind } from "./contract";
import { ANALYZE_JOB, type AnalyzeEnv, analyzeTarget, recordAnalysisFailure } from "./service/analyze";
import { BACKLOG_JOB, workOffBacklog } from "./service/backlog";
import { failReanalysis, REANALYSIS_JOB, runReanalysisBatch } from "./service/reanalysis";
import { failTraining, TRAIN_JOB, trainOrganizationModel } from "./service/training";

type Env = AnalyzeEnv & { jobs: Jobs };

const ANALYZE_RETRIES = 3;

export const analyzeJob: JobDefinition<{ kind: TargetKind; id: string }, Env> = {
	name: ANALYZE_JOB,
	retryLimit: ANALYZE_RETRIES,
	retryDelaySeconds: 5,
	retryBackoff: true,
	async handle(env, { kind, id }, meta) {
		try {
			await analyzeTarget(env, kind, id);
		} catch (error) {
			// After the last retry the error is recorded on the row instead of thrown again.
			if (meta.retryCount >= ANALYZE_RETRIES) await recordAnalysisFailure(env.db, kind, id, error);
			else throw error;
		}
	},
};

export const reanalyzeJob: JobDefinition<{ runId: string }, Env> = {
	name: REANALYSIS_JOB,
	retryLimit: 3,
	retryDelaySeconds: 10,
	async handle(env, { runId }, meta) {
		try {
			await runReanalysisBatch(env, runId);
		} catch (error) {
			if (meta.retryCount >= 3) await failReanalysis(env.db, runId, error);
			else throw error;
		}
	},
};

export const trainJob: JobDefinition<{ modelId: string }, Env> = {
	name: TRAIN_JOB,
	retryLimit: 1,
	retryDelaySeconds: 30,
	async handle(env, { modelId }, meta) {
		try {
			await trainOrganizationModel(env.db, modelId);
		} catch (error) {
			if (meta.retryCount >= 1) await failTraining(env.db, modelId, error);
			else throw error;
		}
	},
};

export const backlogJob: JobDefinition<{ organizationId: string }, Env> = {
	name: BACKLOG_JOB,
	retryLimit: 5,
	retryDelaySeconds: 10,
	retryBackoff: true,
	async handle(env, { organizationId }) {
		await workOffBacklog(env, organizationId);
	},
};

export const textJobs = [analyzeJob, backlogJob, reanalyzeJob, trainJob];
