// Puppeteer must never download a browser: this project uses Debian's Chromium.
// VERBATIM_CHROMIUM (or PUPPETEER_EXECUTABLE_PATH) points at another build.
module.exports = {
  skipDownload: true,
  executablePath:
    process.env.VERBATIM_CHROMIUM || process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
};
