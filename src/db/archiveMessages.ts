/**
 * The text of one LinkedIn message, stored only when the user asked for it in an import (by default an import
 * keeps counts and dates, never what was written). The id comes from the message itself, so a re-import of the
 * same archive writes nothing new.
 */
export interface ArchiveMessage {
  id: string;
  personId: string;
  /** The day it was sent, as written in the export (UTC). */
  date: string;
  fromMe: boolean;
  subject?: string;
  text: string;
}
