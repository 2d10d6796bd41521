// Builds the web app (web/) into dist/web, which the Loupe server serves; the dev server proxies the API.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
	root: "web",
	plugins: [react()],
	build: {
		outDir: "../dist/web",
		emptyOutDir: true,
		chunkSizeWarningLimit: 800,
	},
	server: {
		proxy: { "/api": "http://localhost:3000" },
	},
});
