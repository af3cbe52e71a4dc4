// The image pipeline (issue 5): responsive covers, social cards and feed artwork, rendered with
// sharp through a content-addressed cache.

export type { CardRecipe, ImageFormat, ImageJob, ImageReport, Picture, PictureSource, PlannedSource, Recipe, ResizeRecipe } from "./types.ts";
export { ImageError } from "./errors.ts";
export { COVER_WIDTHS, planCover } from "./cover.ts";
export { planFeedArt } from "./feed-art.ts";
export { planChapterArt, type ChapterArt } from "./chapter-art.ts";
export { planCard, type PlannedCard } from "./card.ts";
export { cardFormat, type CardFormat } from "./card-format.ts";
export { cardTexts } from "./card-svg.ts";
export { describeMissing, missingGlyphs, type MissingGlyph } from "./card-glyphs.ts";
export { CARD_FONT_PACKAGES, cardFonts } from "./card-fonts.ts";
export { checkCardFont } from "./font.ts";
export { imageInfo } from "./info.ts";
export { placeCachedImages, renderImages, type ImageRenderRun } from "./render.ts";
