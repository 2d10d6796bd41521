// The response explorer: filters, keyset "load more", live banner for new responses, exports and the detail drawer.
import { Button, EmptyState, Group, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import { meQuery } from "../../api/session";
import { IconArrowUp } from "../../ui/icons";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { asIntents, asSentiment } from "../analysis/analysis-style";
import { useSurveys, useTouchpointCatalog } from "../feedback-api";
import { useLiveEvents } from "../use-live-events";
import { ResponseDrawer } from "./ResponseDrawer";
import { ResponseFilterBar } from "./ResponseFilterBar";
import { ResponseList } from "./ResponseList";
import { EMPTY_FILTERS, filterSearch, isRangeValid, type ResponseFilters } from "./response-filters";
import { patchResponseCaches, responseKey, responsesKey, useResponsePages } from "./use-responses";

export function ResponseExplorer() {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const navigate = useNavigate();
	const search = useSearch({ from: "/app/feedback/responses" });
	const { data: me } = useQuery(meQuery);
	const [filters, setFilters] = useState<ResponseFilters>({
		...EMPTY_FILTERS,
		surveyId: search.survey ?? null,
		touchpointId: search.touchpoint ?? null,
		fromDay: search.from ?? "",
		toDay: search.to ?? "",
	});
	const [newIds, setNewIds] = useState<ReadonlySet<string>>(new Set());
	const validFilters = isRangeValid(filters) ? filters : { ...filters, toDay: "" };
	const pages = useResponsePages(validFilters);
	const surveys = useSurveys();
	const catalog = useTouchpointCatalog();
	const surveyNames = useMemo(
		() => new Map((surveys.data?.items ?? []).map((survey) => [survey.id, survey.name])),
		[surveys.data],
	);
	const openId = search.response ?? null;
	const open = (id: string | null) =>
		navigate({ to: "/feedback/responses", search: (prev) => ({ ...prev, response: id ?? undefined }), replace: true });

	const isListed = (id: string) =>
		queryClient
			.getQueriesData<{ pages: { items: { id: string }[] }[] }>({ queryKey: responsesKey })
			.some(([, data]) => data?.pages.some((page) => page.items.some((item) => item.id === id)));
	const markNew = (id: string) => setNewIds((current) => (current.has(id) ? current : new Set(current).add(id)));

	useLiveEvents(["response.created", "feedback.analyzed"], (message) => {
		const id = message.data.id ?? message.data.responseId;
		if (typeof id !== "string") return;
		if (message.type === "response.created") {
			if (!isListed(id)) markNew(id);
			return;
		}
		if (message.data.kind !== "response") return;
		if (!isListed(id)) return markNew(id);
		patchResponseCaches(queryClient, id, {
			analysisStatus: "done",
			sentiment: asSentiment(message.data.sentiment),
			intents: asIntents(message.data.intents),
			themes: Array.isArray(message.data.themes) ? message.data.themes : undefined,
		});
		void queryClient.invalidateQueries({ queryKey: responseKey(id) });
	});

	const showNew = () => {
		setNewIds(new Set());
		void queryClient.resetQueries({ queryKey: responsesKey });
	};

	const canExport = Boolean(me && hasPermission(me.role, "responses.export"));
	const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
	const exportHref = (format: "csv" | "xlsx") => `/api/v1/responses/export.${format}${filterSearch(validFilters)}`;

	return (
		<>
			<Group justify="space-between" mb="sm" gap="xs">
				<Text size="sm" c="dimmed" maw={620}>
					{t("feedback.responses.intro")}
				</Text>
				{canExport && (
					<Group gap="xs">
						<Button component="a" href={exportHref("csv")} download variant="default" size="xs">
							{t("feedback.responses.exportCsv")}
						</Button>
						<Button component="a" href={exportHref("xlsx")} download variant="default" size="xs">
							{t("feedback.responses.exportXlsx")}
						</Button>
					</Group>
				)}
			</Group>
			<ResponseFilterBar filters={filters} onChange={setFilters} />
			{newIds.size > 0 && (
				<div className="loupe-new-banner">
					<Button
						size="xs"
						radius="xl"
						leftSection={<IconArrowUp size={14} />}
						onClick={showNew}
						data-testid="new-responses"
						mb="xs"
					>
						{t("feedback.responses.newCount", { count: newIds.size })}
					</Button>
				</div>
			)}
			{pages.isPending ? (
				<LoadingState />
			) : pages.isError ? (
				<ErrorState error={pages.error} onRetry={() => pages.refetch()} />
			) : items.length === 0 ? (
				<EmptyState
					variant="light"
					title={t("feedback.responses.emptyTitle")}
					description={t("feedback.responses.empty")}
					py="xl"
				/>
			) : (
				<>
					<ResponseList
						responses={items}
						surveyNames={surveyNames}
						touchpoints={catalog.byId}
						onOpen={(id) => open(id)}
					/>
					<Group justify="center" mt="md">
						{pages.hasNextPage ? (
							<Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
								{t("feedback.responses.loadMore")}
							</Button>
						) : (
							<Text size="sm" c="dimmed">
								{t("feedback.responses.allShown", { count: items.length })}
							</Text>
						)}
					</Group>
				</>
			)}
			<ResponseDrawer responseId={openId} touchpoints={catalog.byId} onClose={() => open(null)} />
		</>
	);
}
