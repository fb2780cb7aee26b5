import { readFileSync } from 'node:fs';
import { GENERATED_FILE, readChecklistFiles, renderGeneratedModule } from '../../../scripts/gen-checklists';
import { BUILTIN_CHECKLIST_FILES } from '../../../src/checklists/builtin.generated';

describe('builtin.generated.ts', () => {
  describe('when compared with the YAML files', () => {
    it('is up to date (otherwise run npm run gen:checklists)', () => {
      expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderGeneratedModule(readChecklistFiles()));
    });

    it('carries each file text unchanged', () => {
      expect(BUILTIN_CHECKLIST_FILES).toEqual(readChecklistFiles());
    });
  });
});

describe('renderGeneratedModule', () => {
  describe('when a file is not named after its checklist id', () => {
    it('refuses to generate', () => {
      const [first] = readChecklistFiles();
      if (first === undefined) throw new Error('no built-in checklist files');
      expect(() => renderGeneratedModule([{ file: 'renamed.yaml', text: first.text }])).toThrow(
        /must be named after its id; rename it to .*\.yaml/,
      );
    });
  });

  describe('when a file text holds backticks, backslashes and ${', () => {
    it('escapes them so the module reproduces the text exactly', () => {
      const text = readChecklistFiles()[0]?.text ?? '';
      const tricky = text.replace('description: >-', 'description: >-\n  Use `code`, C:\\path and ${x}.');
      const rendered = renderGeneratedModule([{ file: 'aws-msp-4.x.yaml', text: tricky }]);
      const literal = rendered.slice(rendered.indexOf('text: `') + 'text: '.length, rendered.lastIndexOf('`') + 1);
      expect(new Function(`return ${literal};`)()).toBe(tricky);
    });
  });
});
