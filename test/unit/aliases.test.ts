// Title phrases the text ties to a named person: "замглавы МИД" after "замглавы МИД России Михаил
// Галузин" is Галузин; a title for someone else, or a title never tied to a name, is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../analysis/index.ts';

function aliasesOf(text: string) {
  const a = analyze(text);
  return (a.aliases ?? []).map((x) => ({ text: x.text, who: a.entities.find((e) => e.id === x.id)?.canonical }));
}

test('ru: a title phrase after the introduction is the person it introduced', () => {
  const text = 'Замглавы МИД России Михаил Галузин принял посла Азербайджана Рахмана Мустафаева. Замглавы МИД РФ подчеркнул, что контакты продолжатся.';
  assert.deepEqual(aliasesOf(text), [{ text: 'Замглавы МИД РФ', who: 'Михаил Галузин' }]);
});

test('ru: the title matches by country when two people share it', () => {
  const text = 'Делегации возглавили заместитель министра иностранных дел РФ Сергей Рябков и заместитель министра иностранных дел КНР Ма Чжаосюй. «Иллюзий у нас нет», — подчеркнул замглавы МИД.';
  // МИД alone in a Russian text is Russia's ministry, so the Russian deputy minister is meant.
  assert.deepEqual(aliasesOf(text), [{ text: 'замглавы МИД', who: 'Сергей Рябков' }]);
});

test('en: "the Deputy Secretary" after "Deputy Secretary Mark Hartwell"', () => {
  const text = 'Deputy Secretary Mark Hartwell met the Georgian Foreign Minister on Tuesday. The Deputy Secretary raised the case of a detained journalist.';
  assert.deepEqual(aliasesOf(text), [{ text: 'The Deputy Secretary', who: 'Mark Hartwell' }]);
});

test('a title that introduces a name is not an alias, and a title never tied to a name is not either', () => {
  assert.deepEqual(aliasesOf('The ambassador said the talks were useful. Ambassador Lynne Tracy left Moscow on Friday.'), []);
  assert.deepEqual(aliasesOf('Министр иностранных дел Турции Хакан Фидан прибыл в Москву. Посол заявил, что визит важен.'), []);
});
