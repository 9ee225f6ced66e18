// The embed's parameters: one list for every way in. A script embed gives each as a
// `data-` attribute (`data-max-kb`), which the widget reads (src/mount.rs); the iframe
// page takes them in its query and puts them on its host (embed.mjs, which the build
// bundles with this file); the embed builder writes both (builder.mjs); the README's
// table of parameters lists them, and tests/e2e/params.test.mjs checks that each one
// reaches the widget by every path.
export const PARAMS = ['view', 'seat', 'election', 'postcode', 'src', 'theme', 'locale', 'labels', 'refresh', 'timeout', 'max-kb', 'tools'];
