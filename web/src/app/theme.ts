// Loupe's Mantine theme: a calm blue primary, neutral greys with readable contrast, one spacing scale.
import { createTheme, type MantineColorsTuple } from "@mantine/core";

const brand: MantineColorsTuple = [
	"#eef3ff",
	"#dce4fb",
	"#b7c7f3",
	"#8ea7ec",
	"#6c8ce5",
	"#557be2",
	"#2f5bd3",
	"#234bb8",
	"#1b3f9c",
	"#10307f",
];

/** Mantine's greys, with shades 6–7 darkened so dimmed text keeps a 4.5:1 contrast on white. */
const gray: MantineColorsTuple = [
	"#f7f8fa",
	"#eef0f3",
	"#e2e5ea",
	"#cfd4dc",
	"#aeb5c0",
	"#8a93a1",
	"#5d6776",
	"#4a5362",
	"#343b47",
	"#1f242c",
];

export const theme = createTheme({
	primaryColor: "brand",
	primaryShade: 6,
	colors: { brand, gray },
	defaultRadius: "md",
	cursorType: "pointer",
	focusRing: "auto",
	fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
	headings: { fontWeight: "650" },
	components: {
		Modal: { defaultProps: { radius: "md", overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
		Card: { defaultProps: { withBorder: true, radius: "md" } },
		Paper: { defaultProps: { radius: "md" } },
	},
});
