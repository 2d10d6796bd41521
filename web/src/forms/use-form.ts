// Form state for controlled Mantine inputs: values, zod validation and field errors from the API.
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isApiError } from "../api/client";
import { notifyError } from "./notify-error";

type Issue = {
	path: PropertyKey[];
	code: string;
	message: string;
	minimum?: unknown;
	maximum?: unknown;
	format?: string;
};
export type FieldErrors = Record<string, string>;

export function useForm<V extends Record<string, unknown>>(initial: V) {
	const { t } = useTranslation();
	const [values, setValues] = useState(initial);
	const [errors, setErrors] = useState<FieldErrors>({});

	const translateIssue = useCallback(
		(issue: Issue): string => {
			if (issue.code === "too_small" && Number(issue.minimum) <= 1) return t("validation.required");
			if (issue.code === "too_small") return t("validation.tooShort", { count: Number(issue.minimum) });
			if (issue.code === "too_big") return t("validation.tooLong", { count: Number(issue.maximum) });
			if (issue.code === "invalid_format" && issue.format === "email") return t("validation.email");
			if (issue.code === "invalid_format" && issue.format === "regex") return t("validation.urlPattern");
			if (issue.code === "invalid_value" || issue.code === "invalid_type") return t("validation.required");
			return issue.message;
		},
		[t],
	);

	const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
		setValues((current) => ({ ...current, [field]: value }));
		setErrors((current) => {
			if (!((field as string) in current)) return current;
			const { [field as string]: _cleared, ...rest } = current;
			return rest;
		});
	}, []);

	/** Parses the values with the contract schema; on failure shows the messages at the fields. */
	const validate = <S extends z.ZodType>(schema: S, candidate: unknown = values): z.infer<S> | null => {
		const result = schema.safeParse(candidate);
		if (result.success) return result.data;
		const next: FieldErrors = {};
		for (const issue of result.error.issues as Issue[]) {
			const key = issue.path.map(String).join(".") || "form";
			next[key] ??= translateIssue(issue);
		}
		setErrors(next);
		return null;
	};

	/** Shows an API error: field messages at the fields, the message in a notification. */
	const showApiError = (error: unknown, options: { withNotification?: boolean } = {}) => {
		if (isApiError(error) && error.fields.length > 0) {
			const next: FieldErrors = {};
			for (const field of error.fields) next[field.field] = field.message;
			setErrors(next);
		}
		if (options.withNotification !== false) notifyError(error, t);
	};

	const reset = (next: V = initial) => {
		setValues(next);
		setErrors({});
	};

	return { values, set, errors, setErrors, validate, showApiError, reset };
}
