// Props every tab receives: the host (its only door to the document) and the shared document state.
import type { DocumentHost } from "../../host/DocumentHost";
import type { DocumentState } from "../useDocument";

export interface TabProps {
  host: DocumentHost;
  state: DocumentState;
}
