// @custom-elements-manifest/analyzer reads `static properties` entries with `state: true` as
// attributes, and takes the first argument of any `dispatchEvent(new X(…))` for an event's name
// (`new FerryRejectEvent(file, …)` becomes an event called "file"): drop every attribute whose
// field is private and every event the class comment does not document (`@event`), so the
// manifest lists the public API only.
export default {
  globs: ['src/**/*.component.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'ferry-private-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
          const hidden = new Set(
            (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
          );
          declaration.attributes = (declaration.attributes ?? []).filter(
            (attribute) => !hidden.has(attribute.fieldName ?? attribute.name),
          );
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
        }
      },
    },
  ],
};
