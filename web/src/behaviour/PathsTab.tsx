// Paths between touchpoints as a flow drawn with plain SVG: three columns (where sessions come from, the
// touchpoint, where they go next), link widths proportional to sessions; the busiest transitions as a table.
import { Card, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PathsView } from "../../../server/modules/events/contract";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { BarCell } from "./BarCell";
import { type Range, usePaths } from "./behaviour-api";
import { formatCount } from "./format";

function useNodeName() {
	const { t } = useTranslation();
	return (paths: PathsView, key: string) =>
		key === "entry" || key === "exit" || key === "other"
			? t(`behaviour.node.${key}`)
			: (paths.nodes.find((n) => n.key === key)?.name ?? t("behaviour.node.other"));
}

function Flow({ paths }: { paths: PathsView }) {
	const nameOf = useNodeName();
	const links = paths.links.filter((l) => l.from !== l.to).slice(0, 18);
	const left = [...new Set(links.map((l) => l.from))];
	const right = [...new Set(links.map((l) => l.to))];
	const max = Math.max(1, ...links.map((l) => l.sessions));
	const rowHeight = 30;
	const height = Math.max(left.length, right.length) * rowHeight + 10;
	const y = (list: string[], key: string) => list.indexOf(key) * rowHeight + 20;
	return (
		<svg viewBox={`0 0 900 ${height}`} width="100%" role="img" aria-label="flow" data-testid="paths-flow">
			{links.map((l) => (
				<path
					key={`${l.from}-${l.to}`}
					d={`M 250 ${y(left, l.from)} C 450 ${y(left, l.from)}, 450 ${y(right, l.to)}, 650 ${y(right, l.to)}`}
					stroke="var(--mantine-color-blue-5)"
					strokeOpacity={0.35}
					strokeWidth={1 + (l.sessions / max) * 16}
					fill="none"
				/>
			))}
			{left.map((key) => (
				<text key={`l-${key}`} x={240} y={y(left, key) + 4} textAnchor="end" fontSize={13} fill="currentColor">
					{nameOf(paths, key)}
				</text>
			))}
			{right.map((key) => (
				<text key={`r-${key}`} x={660} y={y(right, key) + 4} fontSize={13} fill="currentColor">
					{nameOf(paths, key)}
				</text>
			))}
		</svg>
	);
}

export function PathsTab({ range }: { range: Range }) {
	const { t, i18n } = useTranslation();
	const paths = usePaths(range);
	const nameOf = useNodeName();
	if (paths.isPending) return <LoadingState />;
	if (paths.isError) return <ErrorState error={paths.error} onRetry={() => paths.refetch()} />;
	const max = Math.max(0, ...paths.data.links.map((l) => l.sessions));
	return (
		<>
			<Card withBorder mb="md">
				<Title order={3} size="h5" mb="xs">
					{t("behaviour.flowTitle")}
				</Title>
				{paths.data.links.length === 0 ? (
					<Text c="dimmed" size="sm">
						{t("behaviour.empty")}
					</Text>
				) : (
					<Flow paths={paths.data} />
				)}
			</Card>
			<Card withBorder>
				<Table verticalSpacing={4}>
					<Table.Thead>
						<Table.Tr>
							<Table.Th>{t("behaviour.from")}</Table.Th>
							<Table.Th>{t("behaviour.to")}</Table.Th>
							<Table.Th>{t("behaviour.metrics.sessions")}</Table.Th>
						</Table.Tr>
					</Table.Thead>
					<Table.Tbody>
						{paths.data.links.map((l) => (
							<Table.Tr key={`${l.from}-${l.to}`}>
								<Table.Td>{nameOf(paths.data, l.from)}</Table.Td>
								<Table.Td>{nameOf(paths.data, l.to)}</Table.Td>
								<Table.Td>
									<BarCell value={l.sessions} max={max} label={formatCount(l.sessions, i18n.language)} />
								</Table.Td>
							</Table.Tr>
						))}
					</Table.Tbody>
				</Table>
			</Card>
		</>
	);
}
