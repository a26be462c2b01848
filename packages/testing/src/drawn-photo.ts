// A photo for pages that show thumbnails (stories, the look bench): no Node APIs, no test runner.

/**
 * A 1200×900 JPEG drawn in the page (sky, sun, hill), as a camera would hand a photo over: real
 * image bytes for thumbnails, without a fixture file.
 */
export async function drawnPhoto(hue: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(1200, 900);
  const context = canvas.getContext('2d')!;
  context.fillStyle = `hsl(${hue} 70% 70%)`;
  context.fillRect(0, 0, 1200, 900);
  context.fillStyle = '#ffd54a';
  context.beginPath();
  context.arc(850, 250, 140, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = `hsl(${(hue + 120) % 360} 45% 35%)`;
  context.fillRect(0, 600, 1200, 300);
  return canvas.convertToBlob({ type: 'image/jpeg' });
}
