// A tiny element builder for the survey panel (no framework, to keep /loupe-survey.js small).

type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;
type Child = Node | string | null | undefined | false;

/** `h("button", { type: "button", onclick: close }, "×")`: `on*` are listeners, `false`/undefined attributes are left out,
 * `true` is a boolean attribute (aria-* get "true"). */
export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Attrs = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (typeof value === "function") element.addEventListener(name.slice(2), value);
		else if (value === true && !name.startsWith("aria-")) element.setAttribute(name, "");
		else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
	}
	for (const child of children) if (child || child === "") element.append(child);
	return element;
}

let lastId = 0;
/** A unique element id inside the shadow root (for aria-labelledby and label/for). */
export const nextId = (prefix: string) => `${prefix}${++lastId}`;
