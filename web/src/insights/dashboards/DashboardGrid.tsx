// The widgets of a dashboard in a 12-column grid, each drawn from the one-call data.
import type { DashboardDataView } from "../../../../server/modules/analytics/contract-dashboards";
import { WidgetView } from "./widgets/WidgetView";

export function DashboardGrid({ view, isPublic = false }: { view: DashboardDataView; isPublic?: boolean }) {
	return (
		<div className="loupe-dashboard-grid" data-testid="dashboard-grid">
			{view.widgets.map((widget) => (
				<div key={widget.id} data-size={widget.size}>
					<WidgetView widget={widget} data={view.data[widget.id]} isPublic={isPublic} />
				</div>
			))}
		</div>
	);
}
