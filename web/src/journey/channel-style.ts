// Badge colours per channel, grouped by kind: paid and social reach, digital, personal contact, product.
import type { Channel } from "../../../server/modules/journey/contract";

export const CHANNEL_COLORS: Record<Channel, string> = {
	ads: "grape",
	social: "pink",
	referral: "orange",
	search: "violet",
	web: "blue",
	app: "indigo",
	email: "cyan",
	checkout: "teal",
	branch: "lime",
	hotline: "yellow",
	chat: "green",
	delivery: "orange",
	product: "gray",
	community: "red",
	review: "yellow",
};
