/**
 * The editor at /admin/: Sveltia CMS, bundled from npm (src/integrations/admin.ts) and configured
 * from config.generated.json (the schemas' fields), the file formats of ./files.ts, the field
 * types of ./fields.ts and the MDX components of the registry (./components.ts).
 *
 * What depends on the build (the GitHub repository, the site's stylesheet, the topics in use) is
 * read from the page's `editor-settings` JSON, which the integration writes. `?backend=test-repo`
 * keeps everything in this browser's private storage: the browser tests use it.
 */
import CMS from '@sveltia/cms';
import { componentSnippet, editorComponents } from './components.ts';
import config from './config.generated.json';
import { registerCheckedField, registerComponentButtons } from './fields.ts';
import { readFile, writeFile, type FieldStyle, type FileStyle } from './files.ts';
import { keepLocalImagesAside, registerArticlePreview } from './preview.ts';
import type { EditorSettings } from './settings.ts';

const settings = JSON.parse(document.getElementById('editor-settings')?.textContent ?? '{}') as EditorSettings;
const testRepo = new URLSearchParams(location.search).get('backend') === 'test-repo';

// Each collection gets a file format of its own, because the format must know the fields' order.
for (const collection of config.collections) {
  const fields = collection.fields as Array<Record<string, unknown> & { name: string }>;
  const style: FileStyle = {
    frontmatter: collection.format.endsWith('-frontmatter'),
    fields: fields
      .filter((field) => field['widget'] !== 'mdx-components' && field.name !== 'body')
      .map((field): FieldStyle => ({
        name: field.name,
        required: field['required'] === true,
        id: field['widget'] === 'relation',
        ...('default' in field ? { default: field['default'] } : {}),
      })),
  };
  CMS.registerCustomFormat(collection.format, collection.extension, {
    fromFile: (text) => readFile(text, style),
    toFile: (entry: Record<string, unknown>) => writeFile(entry, style),
  });
}

const { marked } = window as unknown as { marked: { parse: (text: string, options?: object) => string } };
const components = editorComponents((text) => marked.parse(text, { async: false }));
for (const component of components) CMS.registerEditorComponent(component);
registerComponentButtons(components.map(({ id, label }) => ({ id, label, snippet: componentSnippet(id) })));
registerCheckedField(settings.topics ?? []);
keepLocalImagesAside();
for (const href of settings.previewStyles ?? []) CMS.registerPreviewStyle(href);
registerArticlePreview(
  config.collections
    .filter((collection) => collection.format.endsWith('-frontmatter'))
    .map((collection) => collection.name),
);

void CMS.init({
  config: {
    ...config,
    load_config_file: false,
    ...(settings.logo ? { logo: { src: settings.logo } } : {}),
    backend: testRepo || !settings.backend ? { name: 'test-repo' } : settings.backend,
  } as never,
});
