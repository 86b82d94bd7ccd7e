import fs from 'node:fs';

/** The content store as Astro wrote it (devalue's flat form), read once per build. */
const file = process.env.NEWSROOM_DATA_STORE_FILE;
export default file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : new Map();
