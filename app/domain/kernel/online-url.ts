// Online meeting links (a host's online window, an organiser's online meeting point) become
// "Join online" links on both people's pages and in their invitations: the one web-address rule
// of web-address.ts, under the names the meetings and events code use.
export {
  WEB_ADDRESS_MESSAGE as ONLINE_URL_MESSAGE,
  WEB_ADDRESS_TOO_LONG as ONLINE_URL_TOO_LONG,
  WEB_ADDRESS_MAX as ONLINE_URL_MAX,
  isWebAddress as isOnlineUrl,
  webAddressProblem as onlineUrlProblem,
  optionalWebAddress as onlineUrlField,
} from "./web-address";
