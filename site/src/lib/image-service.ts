import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { encodeImage, type ImageTransform } from './image-encode';
import { earlyImages } from './early-images';
import { buildSession } from './build-session';

/**
 * Astro's sharp service with our encoder (image-encode.ts), taking what was encoded while the
 * pages rendered (early-images.ts).
 */
const service: LocalImageService = {
  ...(sharpService as LocalImageService),
  async transform(input, options, config) {
    // Astro types a transform's options loosely; these are the ones its <Image> and getImage() pass.
    const transform = options as ImageTransform;
    const early = earlyImages();
    const taken = await early?.take(transform);
    const encoded =
      taken ??
      (await encodeImage(input, transform, (config.service.config as { limitInputPixels?: number }).limitInputPixels));
    early?.encoded(transform);
    const count = buildSession().images;
    count.encoded += 1;
    if (taken) count.early += 1;
    return encoded;
  },
};

export default service;
