// Icons of the cases area (the inbox in the navigation), drawn on the shared 24×24 stroke grid.
import { type IconProps, SvgIcon } from "../ui/icons";

export const IconInbox = ({ size }: IconProps) => (
	<SvgIcon size={size}>
		<path d="M4 13l2.5-7.5A2 2 0 0 1 8.4 4h7.2a2 2 0 0 1 1.9 1.5L20 13" />
		<path d="M4 13v5a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-5h-4.5l-1.5 2.5h-4L8.5 13z" />
	</SvgIcon>
);
