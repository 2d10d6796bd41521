// Icons of the feedback and topics areas, drawn on the same 24×24 stroke grid as ui/icons.tsx.
import { type IconProps, SvgIcon } from "../ui/icons";

export const IconMessage = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M4 5h16v11H9l-5 4V5zM8 9h8M8 12h5" />
	</SvgIcon>
);
export const IconTags = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M3 12V4h8l9 9-8 8-9-9zM7.5 8h.01" />
	</SvgIcon>
);
export const IconDownload = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
	</SvgIcon>
);
export const IconUpload = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M12 16V5M7 10l5-5 5 5M5 20h14" />
	</SvgIcon>
);
export const IconEye = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
		<circle cx="12" cy="12" r="3" />
	</SvgIcon>
);
export const IconSend = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M21 3L10 14M21 3l-7 18-4-7-7-4 18-7z" />
	</SvgIcon>
);
export const IconQr = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2" />
	</SvgIcon>
);
export const IconCode = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M8 8l-4 4 4 4M16 8l4 4-4 4M13.5 5l-3 14" />
	</SvgIcon>
);
export const IconMail = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<rect x="3" y="5" width="18" height="14" rx="2" />
		<path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
	</SvgIcon>
);
export const IconRefresh = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M20 11a8 8 0 0 0-14.9-3.5M4 4v4h4M4 13a8 8 0 0 0 14.9 3.5M20 20v-4h-4" />
	</SvgIcon>
);
