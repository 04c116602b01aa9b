import { baseForms, stems, searchStems, foldWord } from '../src/text/morphology.ts';
for (const w of ['Kubernetesem','PyTorcha','Dockerem','Flaskiem','Sparkiem','Pydanticiem','NumPyem','Azurze','Scientistami','Scientists','wzorców','projektowych','testowania','kodu','zasad','komunikacji','Dockerze','Grafaną','technologies']) {
  const f = foldWord(w); console.log(w, stems(f).join(','), '|', searchStems(f).join(','), '|', baseForms(w, f).length);
}
