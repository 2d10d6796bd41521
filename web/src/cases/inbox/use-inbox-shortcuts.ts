// Keyboard shortcuts of the inbox (j/k move, enter/o open, x select, a assign to me, r reply, e resolve, ? help);
// ignored while the user types in a field or holds a modifier key.
import { useEffect, useRef } from "react";

export type InboxShortcut = "next" | "previous" | "open" | "select" | "assignToMe" | "reply" | "resolve" | "help";

const KEYS: Record<string, InboxShortcut> = {
	j: "next",
	k: "previous",
	Enter: "open",
	o: "open",
	x: "select",
	a: "assignToMe",
	r: "reply",
	e: "resolve",
	"?": "help",
};

export const SHORTCUT_KEYS: [string, InboxShortcut][] = [
	["j / k", "next"],
	["Enter / o", "open"],
	["x", "select"],
	["a", "assignToMe"],
	["r", "reply"],
	["e", "resolve"],
	["?", "help"],
];

function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	const tag = target.tagName;
	return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/** Focus on a button or link keeps Enter for that element. */
const isInteractive = (target: EventTarget | null) =>
	target instanceof HTMLElement && (target.tagName === "BUTTON" || target.tagName === "A");

export function useInboxShortcuts(onShortcut: (shortcut: InboxShortcut) => void, isEnabled: boolean) {
	const handler = useRef(onShortcut);
	handler.current = onShortcut;
	useEffect(() => {
		if (!isEnabled) return;
		const listener = (event: KeyboardEvent) => {
			if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
			if (isTyping(event.target)) return;
			if (event.key === "Enter" && isInteractive(event.target)) return;
			const shortcut = KEYS[event.key];
			if (!shortcut) return;
			event.preventDefault();
			handler.current(shortcut);
		};
		window.addEventListener("keydown", listener);
		return () => window.removeEventListener("keydown", listener);
	}, [isEnabled]);
}
