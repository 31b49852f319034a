/** A button a reply offers; pressing it sends `action` back to the core as is. */
export interface Choice {
  readonly label: string;
  readonly action: string;
}

export interface ReplyFile {
  readonly name: string;
  readonly mimeType: string;
  readonly content: Uint8Array;
}

/** What the core says back, in words every channel can render its own way. */
export interface Reply {
  readonly text: string;
  readonly choices?: readonly Choice[];
  readonly image?: ReplyFile;
  readonly file?: ReplyFile;
}

export const textReply = (text: string, choices?: readonly Choice[]): Reply => (choices?.length ? { text, choices } : { text });
