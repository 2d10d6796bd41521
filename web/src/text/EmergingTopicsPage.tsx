// Emerging topics: terms rising this week against the baseline weeks (lift, G² p-value), one click to a new theme.
import { Badge, Button, EmptyState, Group, Paper, SegmentedControl, Select, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import { meQuery } from "../api/session";
import { IconPlus } from "../ui/icons";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { useEmergingTopics } from "./text-api";

const formatP = (p: number, language: string) =>
	p < 0.001
		? "< 0,001".replace(",", language === "en" ? "." : ",")
		: p.toLocaleString(language, { maximumFractionDigits: 3 });

export function EmergingTopicsPage() {
	const { t, i18n } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const [baselineWeeks, setBaselineWeeks] = useState(4);
	const [language, setLanguage] = useState("");
	const topics = useEmergingTopics(baselineWeeks, language);
	const canManage = Boolean(me && hasPermission(me.role, "text.manage"));
	const number = (value: number, digits = 1) => value.toLocaleString(i18n.language, { maximumFractionDigits: digits });

	return (
		<>
			<Group justify="space-between" mb="md" gap="xs" align="flex-end">
				<Text size="sm" c="dimmed" maw={620}>
					{t("text.emerging.intro")}
				</Text>
				<Group gap="xs">
					<SegmentedControl
						size="xs"
						value={language}
						onChange={setLanguage}
						aria-label={t("text.emerging.language")}
						data={[
							{ value: "", label: t("text.emerging.allLanguages") },
							{ value: "de", label: "DE" },
							{ value: "en", label: "EN" },
						]}
					/>
					<Select
						size="xs"
						aria-label={t("text.emerging.baseline")}
						allowDeselect={false}
						value={String(baselineWeeks)}
						onChange={(value) => value && setBaselineWeeks(Number(value))}
						data={[2, 4, 8, 12].map((weeks) => ({
							value: String(weeks),
							label: t("text.emerging.baselineWeeks", { count: weeks }),
						}))}
						w={190}
					/>
				</Group>
			</Group>
			{topics.isPending ? (
				<LoadingState />
			) : topics.isError ? (
				<ErrorState error={topics.error} onRetry={() => topics.refetch()} />
			) : (
				<>
					<Text size="xs" c="dimmed" mb="xs">
						{t("text.emerging.documents", {
							current: topics.data.documents.toLocaleString(i18n.language),
							baseline: topics.data.baselineDocuments.toLocaleString(i18n.language),
						})}
					</Text>
					{topics.data.topics.length === 0 ? (
						<EmptyState
							variant="light"
							title={t("text.emerging.emptyTitle")}
							description={t("text.emerging.empty")}
							py="xl"
						/>
					) : (
						<Paper withBorder>
							<Table.ScrollContainer minWidth={680}>
								<Table verticalSpacing="sm" data-testid="emerging-table">
									<Table.Thead>
										<Table.Tr>
											<Table.Th>{t("text.emerging.term")}</Table.Th>
											<Table.Th ta="right">{t("text.emerging.count")}</Table.Th>
											<Table.Th ta="right">{t("text.emerging.baselineCount")}</Table.Th>
											<Table.Th ta="right">{t("text.emerging.lift")}</Table.Th>
											<Table.Th ta="right">{t("text.emerging.pValue")}</Table.Th>
											<Table.Th w={190} />
										</Table.Tr>
									</Table.Thead>
									<Table.Tbody>
										{topics.data.topics.map((topic) => (
											<Table.Tr key={topic.term}>
												<Table.Td fw={600}>{topic.term}</Table.Td>
												<Table.Td ta="right">{topic.count}</Table.Td>
												<Table.Td ta="right">
													{topic.baselineCount}
													<Text span size="xs" c="dimmed">
														{" "}
														({t("text.emerging.expected", { value: number(topic.expected) })})
													</Text>
												</Table.Td>
												<Table.Td ta="right">
													<Badge variant="light" color={topic.lift >= 3 ? "red" : "orange"}>
														×{number(topic.lift)}
													</Badge>
												</Table.Td>
												<Table.Td ta="right" ff="monospace" fz="sm">
													{formatP(topic.pValue, i18n.language)}
												</Table.Td>
												<Table.Td>
													{topic.isTheme ? (
														<Badge variant="outline" color="gray">
															{t("text.emerging.isTheme")}
														</Badge>
													) : (
														canManage && (
															<Button
																size="xs"
																variant="light"
																leftSection={<IconPlus size={14} />}
																renderRoot={(props) => (
																	<Link to="/topics/themes" search={{ newTheme: topic.term }} {...props} />
																)}
															>
																{t("text.emerging.makeTheme")}
															</Button>
														)
													)}
												</Table.Td>
											</Table.Tr>
										))}
									</Table.Tbody>
								</Table>
							</Table.ScrollContainer>
						</Paper>
					)}
				</>
			)}
		</>
	);
}
