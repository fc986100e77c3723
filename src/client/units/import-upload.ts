// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { API_BASE, ApiError, Problem } from "../api.ts";

export const ImportPhase = z.enum(["read", "validated", "written"]);
export type ImportPhase = z.infer<typeof ImportPhase>;

export const ImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** One line of the import's NDJSON answer. */
const ImportLine = z.union([
  z.object({ progress: z.object({ phase: ImportPhase, rows: z.number().int() }) }),
  z.object({ result: ImportResult }),
  z.object({ problem: Problem }),
]);

export type ImportOutcome = { kind: "result"; result: ImportResult } | { kind: "problem"; problem: Problem };

type UploadHandlers = {
  /** Bytes of the file sent so far. */
  onUpload: (loaded: number, total: number) => void;
  onPhase: (phase: ImportPhase, rows: number) => void;
};

/**
 * Send a CSV or XLSX file to POST /units/import. XMLHttpRequest rather than fetch, because only it
 * reports upload progress; the answer is read line by line as it streams in (one line per phase,
 * then the result or the problem). Rejects with an ApiError when the request itself fails.
 */
export function uploadUnitFile(file: File, handlers: UploadHandlers, signal?: AbortSignal) {
  return new Promise<ImportOutcome>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    let outcome: ImportOutcome | null = null;

    const handleLine = (line: string) => {
      if (line.trim() === "") return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return;
      }
      const parsed = ImportLine.safeParse(json);
      if (!parsed.success) return;
      const data = parsed.data;
      if ("progress" in data) handlers.onPhase(data.progress.phase, data.progress.rows);
      else if ("result" in data) outcome = { kind: "result", result: data.result };
      else outcome = { kind: "problem", problem: data.problem };
    };

    const readLines = (final: boolean) => {
      const text = xhr.responseText;
      let newline = text.indexOf("\n", consumed);
      while (newline !== -1) {
        handleLine(text.slice(consumed, newline));
        consumed = newline + 1;
        newline = text.indexOf("\n", consumed);
      }
      if (final && consumed < text.length) {
        handleLine(text.slice(consumed));
        consumed = text.length;
      }
    };

    xhr.open("POST", `${API_BASE}/units/import`);
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.upload.onprogress = (e) => handlers.onUpload(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => handlers.onUpload(file.size, file.size);
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines(false);
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        reject(ApiError.fromProblem(xhr.status, body));
        return;
      }
      readLines(true);
      if (outcome === null) reject(new ApiError(0, "The server sent an unexpected answer"));
      else resolve(outcome);
    };
    xhr.onerror = () => reject(new ApiError(0, "The server could not be reached"));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });

    const body = new FormData();
    body.append("file", file);
    xhr.send(body);
  });
}

export type ImportIssueRow = { row: number | null; column: string; message: string };

/** The problem's field paths (`rows.5.surfaceM2`) as rows of the error preview. */
export function issueRows(problem: Problem): ImportIssueRow[] {
  return problem.errors.map(({ path, message }) => {
    const match = /^rows\.(\d+)\.?(.*)$/.exec(path);
    if (match === null) return { row: null, column: path, message };
    return { row: Number(match[1]), column: match[2] ?? "", message };
  });
}
