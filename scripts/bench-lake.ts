import {defineCommand, runMain} from 'citty'
import {evaluate, parse} from 'groq-js'
import {evaluateQuery, type View} from '../lake/groq/query.ts'
import type {Doc} from '../lake/store/types.ts'
import {lessonPageByIdQuery} from '../queries/lessonPage.ts'

const ref = (id: string, key?: string) => ({
  _type: 'reference',
  _ref: id,
  ...(key ? {_key: key} : {}),
})

/** A 10,000-document course dataset whose lesson bodies reference many other documents. */
function syntheticDataset(): Doc[] {
  const docs: Doc[] = []
  for (let a = 0; a < 5; a++)
    docs.push({_id: `area-${a}`, _type: 'responsibilityArea', title: `Area ${a}`})
  for (let r = 0; r < 500; r++)
    docs.push({
      _id: `resp-${r}`,
      _type: 'responsibility',
      name: `Responsibility ${r}`,
      area: ref(`area-${r % 5}`),
    })
  for (let c = 0; c < 20; c++)
    docs.push({_id: `cat-${c}`, _type: 'toolCategory', title: `Category ${c}`})
  for (let t = 0; t < 300; t++)
    docs.push({
      _id: `tool-${t}`,
      _type: 'tool',
      name: `Tool ${t}`,
      url: `https://tool${t}.example`,
      category: ref(`cat-${t % 20}`),
    })
  const lessonCount = 2000
  const lessonId = (n: number) => `lesson-${(n + lessonCount) % lessonCount}`
  for (let n = 0; n < lessonCount; n++) {
    const blocks = Array.from({length: 10}, (_, b) => ({
      _type: 'block',
      _key: `b${b}`,
      style: 'normal',
      markDefs: [0, 1, 2].map((k) => ({
        _type: 'internalLink',
        _key: `l${k}`,
        reference: ref(lessonId(n + b * 3 + k + 1)),
      })),
      children: [{_type: 'span', _key: 's', text: `Paragraph ${b} of lesson ${n}`, marks: ['l0']}],
    }))
    docs.push({
      _id: lessonId(n),
      _type: 'lesson',
      title: `Lesson ${n}`,
      slug: {_type: 'slug', current: `lesson-${n}`},
      body: [
        ...blocks,
        {_type: 'image', _key: 'img', asset: ref(`image-${n % 1000}`)},
        {
          _type: 'responsibilitySection',
          _key: 'rs',
          area: ref(`area-${n % 5}`),
          responsibilities: Array.from({length: 10}, (_, i) =>
            ref(`resp-${(n + i) % 500}`, `r${i}`),
          ),
        },
        {
          _type: 'toolTable',
          _key: 'tt',
          rows: Array.from({length: 5}, (_, row) => ({
            _type: 'toolTableRow',
            _key: `row${row}`,
            category: ref(`cat-${row}`),
            tools: Array.from({length: 4}, (_, i) =>
              ref(`tool-${(n + row * 4 + i) % 300}`, `t${i}`),
            ),
          })),
        },
      ],
      next: {label: 'Next', lesson: ref(lessonId(n + 1))},
    })
  }
  for (let m = 0; m < 100; m++)
    docs.push({
      _id: `module-${m}`,
      _type: 'module',
      title: `Module ${m}`,
      slug: {_type: 'slug', current: `module-${m}`},
      lessons: Array.from({length: 20}, (_, i) => ref(lessonId(m * 20 + i), `k${i}`)),
    })
  for (let c = 0; c < 10; c++)
    docs.push({
      _id: `course-${c}`,
      _type: 'course',
      title: `Course ${c}`,
      slug: {_type: 'slug', current: `course-${c}`},
      contents: Array.from({length: 10}, (_, i) => ref(`module-${c * 10 + i}`, `k${i}`)),
    })
  for (let i = 0; docs.length < 10_000; i++)
    docs.push({
      _id: `image-${i}`,
      _type: 'sanity.imageAsset',
      url: `https://localhost/images/${i}.png`,
      metadata: {dimensions: {width: 800, height: 600}},
    })
  return docs
}

/** The lesson page with every reference in its body resolved: about 70 dereferences. */
const derefLessonQuery = `*[_type == "lesson" && _id == $id][0]{
  title,
  body[]{
    ...,
    _type == "block" => {markDefs[]{..., _type == "internalLink" => {"target": reference->{_id, title, "slug": slug.current}}}},
    _type == "image" => {"url": asset->url, "dimensions": asset->metadata.dimensions},
    _type == "responsibilitySection" => {"area": area->{title}, "responsibilities": responsibilities[]->{name, "area": area->title}},
    _type == "toolTable" => {rows[]{"category": category->title, "tools": tools[]->{name, url}}}
  },
  next{label, "lesson": lesson->{title, "slug": slug.current}}
}`

async function time(
  run: () => Promise<unknown>,
  rounds: number,
): Promise<{median: number; result: unknown}> {
  const samples: number[] = []
  let result: unknown
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    result = await run()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return {median: samples[Math.floor(samples.length / 2)], result}
}

const command = defineCommand({
  meta: {
    name: 'bench:lake',
    description:
      "Lesson-page GROQ over 10,000 documents: the lake's Map-backed dereference vs plain groq-js.",
  },
  args: {
    rounds: {
      type: 'string',
      description: 'Measured runs per query (the median is reported)',
      default: '5',
    },
  },
  async run({args}) {
    const rounds = Math.max(1, Number(args.rounds) || 5)
    const documents = syntheticDataset()
    const view: View = {documents, byId: new Map(documents.map((doc) => [doc._id, doc]))}
    const queries = [
      {name: 'lesson page, dereference-heavy (~70 ->)', query: derefLessonQuery},
      {name: 'queries/lessonPage.ts lessonPageByIdQuery', query: lessonPageByIdQuery},
    ]
    console.log(`${documents.length} documents, median of ${rounds} runs\n`)
    let failed = false
    for (const {name, query} of queries) {
      const params = {id: 'lesson-1234'}
      const lake = await time(() => evaluateQuery(query, params, view), rounds)
      const plain = await time(
        async () => (await evaluate(parse(query, {params}), {dataset: documents, params})).get(),
        rounds,
      )
      if (JSON.stringify(lake.result) !== JSON.stringify(plain.result)) {
        console.error(`  ${name}: results differ between the lake and plain groq-js`)
        failed = true
      }
      const ratio = plain.median / lake.median
      console.log(
        `${name}\n  lake (Map dereference): ${lake.median.toFixed(2)} ms\n  plain groq-js:          ${plain.median.toFixed(2)} ms\n  speed-up:               ${ratio.toFixed(1)}×\n`,
      )
    }
    if (failed) process.exit(1)
  },
})

void runMain(command)
