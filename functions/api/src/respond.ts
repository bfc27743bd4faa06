// Small helpers every route module shares: answering with a page, and reading a bounded form.
import { MAX_ATTACHMENTS, TooLargeError, type UploadedFile, ValidationError } from "@meldpunt/domain";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Forms carry text only; the report form's text is bounded far below this. */
const MAX_FORM_BYTES = 256 * 1024;

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new TooLargeError();
    },
  });

export const limitForm = limit(MAX_FORM_BYTES);
const limitFiles = limit(MAX_FORM_BYTES + MAX_ATTACHMENTS * (10 * 1024 * 1024 + 4096));

/**
 * A form that may carry files: multipart, the text plus at most MAX_ATTACHMENTS files of the inspector's maximum (10
 * MB) with room for the framing; any other body is text only and gets the text limit.
 */
export const limitUpload: MiddlewareHandler = (c, next) =>
  (c.req.header("Content-Type") ?? "").startsWith("multipart/form-data") ? limitFiles(c, next) : limitForm(c, next);

export function page(c: Context, body: Child, status: ContentfulStatusCode = 200) {
  return c.html(`<!doctype html>${body}`, status);
}

export function wantsJson(c: Context): boolean {
  return c.req.path === "/health" || c.req.path.startsWith("/api/") || !(c.req.header("Accept") ?? "").includes("text/html");
}

/**
 * The named text fields of a urlencoded or multipart form; anything else (files, repeated fields) is dropped, and an
 * empty field counts as not answered (an untouched select sends "").
 */
export async function formText<K extends string>(c: Context, names: K[]): Promise<Partial<Record<K, string>>> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch (error) {
    if (error instanceof TooLargeError) throw error;
    throw new ValidationError([{ field: "form", message: { nl: "Het formulier kon niet worden gelezen.", en: "The form could not be read." } }]);
  }
  const values: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = body[name];
    if (typeof value === "string" && value !== "") values[name] = value;
  }
  return values;
}

/** Every value a form sent under `name` (a group of checkboxes sends one per ticked box); text only, at most `max`. */
export async function formList(c: Context, name: string, max = 50): Promise<string[]> {
  const values = (await c.req.parseBody({ all: true }))[name];
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return list.filter((v): v is string => typeof v === "string" && v !== "").slice(0, max);
}

/**
 * The files a multipart form sent under `name` (an empty file picker sends one nameless empty part: not a file). One
 * more than `max` is kept, so that the use case can say there were too many.
 */
export async function formFiles(c: Context, name: string, max = MAX_ATTACHMENTS): Promise<UploadedFile[]> {
  const values = (await c.req.parseBody({ all: true }))[name];
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  const files = list.filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v && !(v.size === 0 && v.name === ""));
  return Promise.all(files.slice(0, max + 1).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
