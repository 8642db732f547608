import { createContext, useContext } from "react";

/** The per-request CSP nonce; only the server renders with a value (the browser needs none). */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
