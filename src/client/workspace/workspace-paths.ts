// SPDX-License-Identifier: EUPL-1.2
import { LIBRARY_FOLDERS, type LibraryFolder } from "../../domain/workspace/workspace.ts";

/** Spazio partner: the announcements to the partners and the shared document library. */
export const WORKSPACE_PATH = "/spazio-partner";
/** Notifiche: the signed-in account's notifications. */
export const NOTIFICATIONS_PATH = "/notifiche";

/** The notifications page, every one or only the unread (`/notifiche?unread=true`). */
export const notificationsHref = (unreadOnly: boolean) =>
  unreadOnly ? `${NOTIFICATIONS_PATH}?unread=true` : NOTIFICATIONS_PATH;

/** Whether the address asks for the unread notifications only. */
export const unreadOnlyFromSearch = (search: URLSearchParams) => search.get("unread") === "true";

/**
 * A notification's link as an address of the app: a path of this site (`/governance/azioni`), never
 * another site (`//x`, `https://x`) or a script; anything else goes to the notifications themselves.
 */
export function appLink(link: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(link) ? link : NOTIFICATIONS_PATH;
}

/** The element id of a library folder's section, and of a document's card. */
export const folderId = (folder: LibraryFolder) => `cartella-${folder}`;
export const documentId = (id: string) => `documento-${id}`;

/** The library's documents grouped by folder, in the folders' order, leaving out empty folders. */
export function byFolder<D extends { folder: LibraryFolder }>(
  documents: readonly D[],
): { folder: LibraryFolder; documents: D[] }[] {
  return LIBRARY_FOLDERS.map((folder) => ({
    folder,
    documents: documents.filter((d) => d.folder === folder),
  })).filter((g) => g.documents.length > 0);
}
