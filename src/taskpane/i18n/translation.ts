/** The English half of a group of task pane strings: one string for every key of the Chinese half. */
export type Translation<T> = { readonly [K in keyof T]: string };
