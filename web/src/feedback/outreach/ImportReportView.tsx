// The validation report of a CSV/JSON import: counts, then every problem with its line and field.
import { Alert, Badge, Group, ScrollArea, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../../../server/modules/outreach/contract";

export function ImportReportView({ report }: { report: ImportReport }) {
	const { t } = useTranslation();
	const isClean = report.errorCount === 0;
	return (
		<div data-testid="import-report">
			<Group gap="xs" mb="xs">
				<Badge color="teal" variant="light">
					{t("feedback.import.new", { count: report.imported })}
				</Badge>
				<Badge color="blue" variant="light">
					{t("feedback.import.updated", { count: report.updated })}
				</Badge>
				<Badge color="gray" variant="light">
					{t("feedback.import.skipped", { count: report.skipped })}
				</Badge>
				{!isClean && (
					<Badge color="red" variant="light">
						{t("feedback.import.errors", { count: report.errorCount })}
					</Badge>
				)}
			</Group>
			{isClean ? (
				<Alert color="teal" variant="light" p="xs">
					<Text size="sm">{report.dryRun ? t("feedback.import.cleanDryRun") : t("feedback.import.done")}</Text>
				</Alert>
			) : (
				<>
					<Alert color="red" variant="light" p="xs" mb="xs">
						<Text size="sm">{t("feedback.import.fixErrors")}</Text>
					</Alert>
					<ScrollArea.Autosize mah={260}>
						<Table withTableBorder verticalSpacing={4} fz="sm">
							<Table.Thead>
								<Table.Tr>
									<Table.Th w={70}>{t("feedback.import.line")}</Table.Th>
									<Table.Th w={130}>{t("feedback.import.field")}</Table.Th>
									<Table.Th>{t("feedback.import.problem")}</Table.Th>
								</Table.Tr>
							</Table.Thead>
							<Table.Tbody>
								{report.errors.map((error) => (
									<Table.Tr key={`${error.line}:${error.field}:${error.message}`}>
										<Table.Td>{error.line}</Table.Td>
										<Table.Td ff="monospace" fz="xs">
											{error.field ?? "—"}
										</Table.Td>
										<Table.Td>{error.message}</Table.Td>
									</Table.Tr>
								))}
							</Table.Tbody>
						</Table>
					</ScrollArea.Autosize>
					{report.errorCount > report.errors.length && (
						<Text size="xs" c="dimmed" mt={4}>
							{t("feedback.import.moreErrors", { count: report.errorCount - report.errors.length })}
						</Text>
					)}
				</>
			)}
		</div>
	);
}
