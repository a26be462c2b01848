import { expect, test } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { useDemo } from './support/use-demo.js';

// The element inside real React 19 (through @ferry/react) and Vue 3 apps, each served with the
// signing endpoint and the embedded store: a file goes up and its bytes are read back.
for (const [framework, folder] of [
  ['React', 'react-example'],
  ['Vue', 'vue-example'],
] as const) {
  test.describe(`${framework} example`, () => {
    const local = useDemo(test, {
      dataDirPrefix: `ferry-${folder}-`,
      app: fileURLToPath(new URL(`../apps/${folder}`, import.meta.url)),
    });

    test(`uploads a picked file from the ${framework} app, stored byte for byte, the key reported back to the app`, async ({
      page,
    }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(local.demo.url);
      await expect(page.getByRole('heading', { name: `Ferry in ${framework}` })).toBeVisible();
      const buffer = randomBytes(6 * 1024 * 1024 + 123);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: /drop files here/i }).click();
      await (await chooser).setFiles([{ name: `${folder}.bin`, mimeType: 'application/octet-stream', buffer }]);
      const item = page.locator('#stored li');
      await expect(item).toHaveCount(1);
      const key = (await item.textContent())!;
      expect(key).toMatch(new RegExp(`/${folder}\\.bin$`));
      expect(await local.store.objectSha256(key)).toBe(createHash('sha256').update(buffer).digest('hex'));
      expect(errors).toEqual([]);
    });

    test(`round-trips a form with existing files in the ${framework} app: remove one, add one, save; the bucket holds exactly the kept and added`, async ({
      page,
    }) => {
      const prefix = `uploads/saved-${folder}/`;
      const saved = ['a.txt', 'b.txt'].map((name) => ({ key: `${prefix}${name}`, name, size: 5, type: 'text/plain' }));
      for (const file of saved) await local.store.putObject(file.key, new TextEncoder().encode('saved'), 'text/plain');
      local.demo.saved = saved;
      await page.goto(local.demo.url);
      const uploader = page.locator('ferry-uploader');
      await expect(uploader.locator('[part~=row]')).toHaveCount(2);
      await page.getByRole('button', { name: 'Remove a.txt' }).click();
      await expect(uploader.locator('[part~=row]')).toHaveCount(1);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: /drop files here/i }).click();
      await (await chooser).setFiles([{ name: 'c.txt', mimeType: 'text/plain', buffer: Buffer.from('added') }]);
      await expect(page.locator('#stored li')).toHaveCount(1);
      const added = (await page.locator('#stored li').textContent())!;
      // The app's controlled state follows the element (onChange / v-model).
      await expect(page.locator('#files li')).toHaveText([`${prefix}b.txt`, added]);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.locator('#saved li')).toHaveText([`${prefix}b.txt`, added]);
      expect(local.demo.saved.map((file) => file.key)).toEqual([`${prefix}b.txt`, added]);
      expect(await local.store.objectKeys(prefix)).toEqual([`${prefix}b.txt`]);
      expect(await local.store.objectSha256(added)).toBe(createHash('sha256').update('added').digest('hex'));
      // After the save the form starts from the saved set.
      await expect(uploader.locator('[part~=row]')).toHaveCount(2);
    });
  });
}
