import { ReplyFile } from '../../core/conversation/reply';

/**
 * Files too large to embed in a local chat answer, kept a while for the page to download from
 * `GET /local/files/<id>`, then deleted.
 */
export interface LocalDownloads {
  /** Keeps a copy of the file (the reply's own is released as usual): the id to fetch it by, and until when. */
  keep(file: ReplyFile): Promise<{ id: string; expiresAt: Date }>;
  /** A kept file; undefined for an unknown id or once it has expired. */
  open(id: string): Promise<ReplyFile | undefined>;
}
