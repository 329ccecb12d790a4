/**
 * The only way the page builds markup: elements and text nodes, never HTML strings, so text from the
 * reports or the server is always shown as text and can never become markup or script.
 */
export type Child = Node | string | number | null | undefined | false;

export type Attributes = Record<string, string | number | boolean | undefined>;

function setAttributes(target: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    target.setAttribute(name, value === true ? "" : String(value));
  }
}

function appendChildren(target: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    target.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

export function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  setAttributes(created, attributes);
  appendChildren(created, children);
  return created;
}

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

export function svgElement<Tag extends keyof SVGElementTagNameMap>(
  tag: Tag,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[Tag] {
  const created = document.createElementNS(SVG_NAMESPACE, tag) as SVGElementTagNameMap[Tag];
  setAttributes(created, attributes);
  appendChildren(created, children);
  return created;
}

export function replaceChildren(target: Element, ...children: Child[]): void {
  target.replaceChildren();
  appendChildren(target, children);
}
