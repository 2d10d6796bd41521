// Toast notifications: a small store plus a live region that shows the latest messages top-right.
import { Notification, Portal, Stack } from "@mantine/core";
import { useSyncExternalStore } from "react";

type Tone = "success" | "error" | "info";
type Toast = { id: number; tone: Tone; title: string; message?: string };

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
	for (const listener of listeners) listener();
};

export function dismissNotification(id: number) {
	toasts = toasts.filter((toast) => toast.id !== id);
	emit();
}

export function notify(tone: Tone, title: string, message?: string) {
	const toast = { id: nextId++, tone, title, message };
	toasts = [...toasts.slice(-3), toast];
	emit();
	setTimeout(() => dismissNotification(toast.id), tone === "error" ? 8000 : 4000);
}

const subscribe = (listener: () => void) => {
	listeners.add(listener);
	return () => listeners.delete(listener);
};

const COLORS: Record<Tone, string> = { success: "teal", error: "red", info: "brand" };

export function NotificationStack({ closeLabel }: { closeLabel: string }) {
	const current = useSyncExternalStore(subscribe, () => toasts);
	return (
		<Portal>
			<Stack className="loupe-toasts" gap="xs" aria-live="polite" role="status">
				{current.map((toast) => (
					<Notification
						key={toast.id}
						color={COLORS[toast.tone]}
						title={toast.title}
						withBorder
						closeButtonProps={{ "aria-label": closeLabel }}
						onClose={() => dismissNotification(toast.id)}
					>
						{toast.message}
					</Notification>
				))}
			</Stack>
		</Portal>
	);
}
