/**
 * The local preview engine: the offline Provider and the image operations behind it.
 */
export { LocalProvider } from "./local-provider";
