// Entry of the web app: Mantine, React Query, i18n and the router.
import "@mantine/core/styles.css";
import "./app/styles.css";
import "./i18n/i18n";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { queryClient } from "./api/query-client";
import { router } from "./app/router";
import { theme } from "./app/theme";

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element");

createRoot(container).render(
	<StrictMode>
		<MantineProvider theme={theme} defaultColorScheme="light">
			<QueryClientProvider client={queryClient}>
				<RouterProvider router={router} />
			</QueryClientProvider>
		</MantineProvider>
	</StrictMode>,
);
