import { hubspot } from "./hubspot";
import { slack } from "./slack";
import { webhook } from "./webhook";

// Every destination kind, in the order the admin form offers them. A new kind
// is its folder beside these and one line here (tests/unit/destination-kinds.test.ts).
export const DESTINATION_KINDS = [slack, hubspot, webhook] as const;
