// npm run import -- <file or folder>... [--show S] [--title T] [--date YYYY-MM-DD] [--lang L] [--format F]
//   [--speakers "SPEAKER_00=Maya Ortiz, host; SPEAKER_01=Omar Haddad"] [--min-confidence 0.5] [--force] [--dry-run]
// Writes one story per transcript into content/stories/, in the notation, from NPR-style text,
// WebVTT, SRT, Podcasting 2.0 JSON or HTML, Podlove JSON or Markdown transcripts, the JSON of
// speech-recognition services (Whisper, WhisperX, whisper.cpp, AssemblyAI, Deepgram, Rev.ai, Amazon)
// and the text exports of Otter.ai and Descript. --speakers names the voices speech recognition only labelled.

import { runImportCommand } from "../src/commands/import.ts";
import { terminalIo } from "../src/commands/io.ts";

process.exitCode = runImportCommand(process.argv.slice(2), terminalIo());
