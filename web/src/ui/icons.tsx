// Small stroke icons drawn for Loupe (24×24 grid); decorative, so hidden from assistive technology.
import type { ReactNode } from "react";

export type IconProps = { size?: number };

export function SvgIcon({ size = 18, children }: IconProps & { children: ReactNode }) {
	return (
		<svg
			width={size}
			height={size}
			viewBox="0 0 24 24"
			fill="none"
			stroke="currentColor"
			strokeWidth={1.8}
			strokeLinecap="round"
			strokeLinejoin="round"
			aria-hidden="true"
			focusable="false"
		>
			{children}
		</svg>
	);
}

export const IconPlus = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M12 5v14M5 12h14" />
	</SvgIcon>
);
export const IconDots = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<circle cx="5" cy="12" r="1.2" />
		<circle cx="12" cy="12" r="1.2" />
		<circle cx="19" cy="12" r="1.2" />,
	</SvgIcon>
);
export const IconGrip = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<circle cx="9" cy="6" r="1" />
		<circle cx="15" cy="6" r="1" />
		<circle cx="9" cy="12" r="1" />
		<circle cx="15" cy="12" r="1" />
		<circle cx="9" cy="18" r="1" />
		<circle cx="15" cy="18" r="1" />,
	</SvgIcon>
);
export const IconArrowLeft = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M19 12H5M11 6l-6 6 6 6" />
	</SvgIcon>
);
export const IconArrowRight = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M5 12h14M13 6l6 6-6 6" />
	</SvgIcon>
);
export const IconArrowUp = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M12 19V5M6 11l6-6 6 6" />
	</SvgIcon>
);
export const IconArrowDown = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M12 5v14M6 13l6 6 6-6" />
	</SvgIcon>
);
export const IconPencil = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />
	</SvgIcon>
);
export const IconTrash = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
	</SvgIcon>
);
export const IconLink = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />,
	</SvgIcon>
);
export const IconCopy = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<rect x="9" y="9" width="11" height="11" rx="2" />
		<path d="M5 15V6a2 2 0 0 1 2-2h8" />,
	</SvgIcon>
);
export const IconCheck = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M5 12.5l4.5 4.5L19 7" />
	</SvgIcon>
);
export const IconGlobe = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<circle cx="12" cy="12" r="9" />
		<path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />,
	</SvgIcon>
);
export const IconLogout = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 16l-4-4 4-4M6 12h10" />
	</SvgIcon>
);
export const IconRoute = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<circle cx="6" cy="18" r="2.5" />
		<circle cx="18" cy="6" r="2.5" />
		<path d="M8.5 18H15a3 3 0 0 0 0-6H9a3 3 0 0 1 0-6h6.5" />,
	</SvgIcon>
);
export const IconSettings = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<circle cx="12" cy="12" r="3" />
		<path d="M12 2.5v3M12 18.5v3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M2.5 12h3M18.5 12h3M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1" />
		,
	</SvgIcon>
);
export const IconBook = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2V5zM4 19a2 2 0 0 1 2-2h13" />
	</SvgIcon>
);
export const IconStack = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M12 3l9 5-9 5-9-5 9-5zM3 13l9 5 9-5" />
	</SvgIcon>
);
export const IconBuilding = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M4 21V5l8-3v19M12 8h8v13M8 8h.01M8 12h.01M8 16h.01M16 12h.01M16 16h.01M2 21h20" />,
	</SvgIcon>
);
export const IconAlert = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M12 9v4M12 17h.01M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />,
	</SvgIcon>
);
export const IconSwitch = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M7 4l-3 3 3 3M4 7h13M17 20l3-3-3-3M20 17H7" />
	</SvgIcon>
);
