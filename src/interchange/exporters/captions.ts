// From the transcript outline to captions: what every exporter reads. A passage is one
// paragraph, sound cue, heading or note as the page shows it (passages.ts); a caption is a
// piece of a passage short enough to read on screen (split.ts, lines.ts), with a start and an end
// in the audio (timing.ts).

export { passages, passagesOf, withPassages, type Passage, type SegmentType, type WithPassages } from "./passages.ts";
export { captionLines, MAX_LINE, MAX_LINES, wrapGreedy } from "./lines.ts";
export { splitText } from "./split.ts";
export { captionsOf, MIN_CAPTION_MS, type Caption, type CaptionOptions } from "./timing.ts";
