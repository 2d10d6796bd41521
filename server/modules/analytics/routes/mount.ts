// Every route file of the insights module in one router, mounted by server/app.ts with one line (not named index.ts:
// the architecture test forbids barrel files).
import { createRouter } from "../../../platform/http";
import { alertRoutes } from "./alerts";
import { dashboardRoutes, publicDashboardRoutes } from "./dashboards";
import { driverRoutes } from "./drivers";
import { journeyMapRoutes } from "./journey-map";
import { kpiRoutes } from "./kpis";

export const analyticsRoutes = createRouter()
	.route("/", kpiRoutes)
	.route("/", journeyMapRoutes)
	.route("/", driverRoutes)
	.route("/", dashboardRoutes)
	.route("/", publicDashboardRoutes)
	.route("/", alertRoutes);
