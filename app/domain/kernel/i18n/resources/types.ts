import type { en } from "./en";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** The shape every language's messages have: English's keys, any text. */
export type Messages = Shape<typeof en>;
