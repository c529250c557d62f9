"""A generated corpus of health-blog drafts, for timing claimlint against its peers.

Each draft is written from templates in the shape of a wellness blog post: front matter, a title,
an intro, sections under headings (some numbered, some questions), paragraphs of one to eight
sentences, bullet and numbered lists, links, emphasis, images, sometimes a quote, a table,
footnotes, a disclaimer and a reference list. Sentences mix the kinds a health blog holds:
anecdotes, instructions, descriptions, hedged and unhedged causal claims, statistics, appeals to
unnamed studies, questions and transitions. The word lists are large enough, and numbers and
names varied enough, that a tokenizer's cache is not flattered by repetition.

Nothing here comes from a real draft. Seeded: the same size and seed give the same corpus.

    python benchmarks/health_corpus.py FOLDER [--words 1000000] [--seed 11]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

DRAFT_WORDS = 1000  # about 1,000 words a draft: 1M words is 1,000 drafts

FOODS = """oats blueberries spinach kale lentils chickpeas almonds walnuts salmon sardines avocado broccoli
turmeric ginger garlic cinnamon yogurt kefir sauerkraut kimchi miso tempeh tofu quinoa barley buckwheat
flaxseed chia_seeds pumpkin_seeds sunflower_seeds dark_chocolate green_tea black_coffee beetroot carrots
sweet_potatoes apples pears oranges lemons grapefruit strawberries raspberries cherries bananas mangoes
papaya pineapple olive_oil coconut_oil butter eggs mushrooms tomatoes peppers cucumbers celery asparagus
cauliflower cabbage arugula watercress black_beans kidney_beans peas edamame brown_rice rye_bread
sourdough honey maple_syrup bone_broth oysters mackerel herring trout chicken turkey lamb beef liver""".split()
NUTRIENTS = """magnesium zinc iron calcium potassium selenium iodine vitamin_D vitamin_C vitamin_B12 folate
vitamin_K2 omega-3_fatty_acids fibre protein collagen probiotics prebiotics polyphenols antioxidants
curcumin quercetin resveratrol melatonin ashwagandha rhodiola berberine creatine electrolytes
L-theanine glycine taurine CoQ10 lutein choline""".split()
CONDITIONS = """inflammation insomnia anxiety bloating constipation acid_reflux heartburn migraines headaches
fatigue brain_fog joint_pain back_pain arthritis eczema acne psoriasis high_blood_pressure diabetes
insulin_resistance high_cholesterol heart_disease gut_dysbiosis leaky_gut IBS colds the_flu
seasonal_allergies osteoporosis muscle_cramps stress low_mood weight_gain belly_fat sugar_cravings
hot_flashes PMS thyroid_problems poor_sleep night_sweats""".split()
BODY = """gut liver brain heart skin immune_system microbiome nervous_system blood_sugar hormones
metabolism muscles bones joints arteries kidneys thyroid adrenal_glands cortisol_levels energy_levels
digestion circulation mitochondria sleep_cycle circadian_rhythm""".split()
ACTIVITIES = """walking yoga swimming cycling strength_training stretching meditation journaling dancing
hiking gardening running pilates breathwork sauna_sessions cold_showers foam_rolling tai_chi rowing
climbing""".split()
ADJECTIVES = """simple easy quick gentle small daily weekly steady consistent warm cold fresh seasonal local
whole raw cooked homemade balanced colourful hearty light crunchy creamy bitter sweet savoury spicy tangy
busy long short late early quiet slow calm noisy bright gloomy cosy familiar favourite favorite humble
ordinary surprising tricky stubborn""".split()
ADVERBS = """really honestly usually always sometimes often finally slowly gradually quickly gently simply
absolutely definitely mostly nearly barely""".split()
PEOPLE = """my_clients my_readers my_husband my_wife my_kids my_mum my_dad my_sister my_brother my_friend
a_colleague my_neighbour my_trainer our_team my_patients""".split()
TIMES = ["every morning", "last winter", "in my twenties", "after a long day", "before bed", "on weekends",
         "for a few weeks", "at lunch", "during the holidays", "first thing in the morning", "most evenings",
         "on busy days", "since January", "over the summer", "when I travel", "after dinner"]
NEUTRAL_VERBS = """enjoy love make find try eat drink cook notice feel start add mix pour walk sleep bake
roast blend chop stir taste buy pack bring share serve order grab pick plan prep store label
simmer toast sprinkle drizzle""".split()
CAUSAL = """reduces lowers improves boosts increases prevents relieves eases supports calms strengthens
protects damages worsens triggers fights heals repairs soothes balances regulates stabilizes""".split()
HEDGES = ["may", "might", "can", "could", "seems to", "appears to", "is thought to", "may help to"]
SOURCES = ["https://www.ncbi.nlm.nih.gov/pmc/articles/PMC{n}/", "https://pubmed.ncbi.nlm.nih.gov/{n}/",
           "https://doi.org/10.1016/j.nut.20{y}.{n}", "https://www.nature.com/articles/s41{n}",
           "https://jamanetwork.com/journals/fullarticle/{n}"]
INTERNAL = ["/blog/{slug}", "/recipes/{slug}", "/shop/{slug}", "/guides/{slug}"]
SYLLABLES = "ka lo mi ra ve to su na bel dor fin gar hal jun kem lur mos nor pim quel ros tan vor wil zen".split()
SURNAMES = "Patel Nguyen Garcia Okafor Schmidt Rossi Kowalski Haddad Lindqvist Tanaka Moreau Brennan Osei".split()
FIRST = "Maya Priya Tom Lena Sam Ana Jonas Aisha Leo Nina Omar Grace Ravi Clara Ben Ines".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _cap(value: str) -> str:
    return value[:1].upper() + value[1:]


def _words(value: str) -> str:
    return value.replace("_", " ")


class _Writer:
    """Sentences, blocks and drafts from templates, with one random source."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.footnotes = 0

    def pick(self, items):
        return _words(self.rng.choice(items))

    def food(self) -> str:
        return self.pick(FOODS)

    def thing(self) -> str:
        return self.pick(self.rng.choice([FOODS, NUTRIENTS, ACTIVITIES]))

    def number(self) -> str:
        rng = self.rng
        return rng.choice([str(rng.randint(2, 95)), str(rng.randint(100, 900)), f"{rng.randint(1, 9)}.{rng.randint(1, 9)}",
                           rng.choice(["two", "three", "five", "ten", "a dozen"])])

    def link(self, text: str) -> str:
        rng = self.rng
        if rng.random() < 0.7:
            url = rng.choice(SOURCES).format(n=rng.randint(100000, 9999999), y=rng.randint(10, 24))
        else:
            url = rng.choice(INTERNAL).format(slug=f"{self.food().replace(' ', '-')}-{rng.randint(1, 99)}")
        return f"[{text}]({url})"

    def emphasise(self, sentence: str) -> str:
        rng = self.rng
        words = sentence.split(" ")
        if len(words) > 4 and rng.random() < 0.25:
            at = rng.randrange(1, len(words) - 2)
            mark = rng.choice(["*", "**", "_"])
            words[at] = f"{mark}{words[at]}{mark}"
        if len(words) > 5 and rng.random() < 0.15:
            at = rng.randrange(1, len(words) - 3)
            words[at] = self.link(words[at] + " " + words[at + 1])
            del words[at + 1]
        return " ".join(words)

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.choices(
            ["anecdote", "instruction", "description", "claim", "hedged", "linked", "statistic", "studies",
             "question", "transition", "definition", "recipe", "opinion"],
            [13, 12, 16, 8, 9, 4, 4, 4, 4, 6, 3, 5, 9])[0]
        return getattr(self, "_" + kind)()

    def _anecdote(self) -> str:
        rng, t = self.rng, self.rng.choice(TIMES)
        return rng.choice([
            f"I used to skip breakfast {t}, and by eleven I was {rng.choice(['starving', 'grumpy', 'useless'])}.",
            f"{_cap(self.pick(PEOPLE))} started {self.pick(ACTIVITIES)} {t} and {rng.choice(['loved it', 'stuck with it', 'gave up after a week'])}.",
            f"When I first tried {self.food()}, I {rng.choice(['hated', 'loved', 'was unsure about'])} the {rng.choice(['texture', 'taste', 'smell'])}.",
            f"{rng.choice(FIRST)}, a {rng.randint(24, 71)}-year-old {rng.choice(['teacher', 'nurse', 'runner', 'designer', 'chef'])}, told me she {rng.choice(NEUTRAL_VERBS)}s {self.food()} {t}.",
            f"Honestly, I didn't expect much from {self.thing()} {t}.",
            f"{_cap(t)}, I keep a jar of {self.food()} on the {rng.choice(['counter', 'desk', 'shelf'])}.",
            f"It took me {self.number()} tries to get this {rng.choice(['recipe', 'routine', 'habit'])} right.",
        ])

    def _instruction(self) -> str:
        rng = self.rng
        return rng.choice([
            f"{rng.choice(['Try', 'Consider', 'Start by'])} adding {self.food()} to your {rng.choice(['breakfast', 'smoothie', 'salad', 'soup', 'lunch box'])}.",
            f"Swap {self.food()} for {self.food()} {rng.choice(TIMES)}.",
            f"Aim for {rng.randint(2, 5)} servings of {self.food()} a week.",
            f"Keep a {rng.choice(['water bottle', 'food diary', 'sleep log', 'snack box'])} {rng.choice(['nearby', 'on your desk', 'in your bag'])}.",
            f"Talk to your {rng.choice(['doctor', 'pharmacist', 'dietitian', 'GP'])} before you start {self.pick(NUTRIENTS)}.",
            f"Go for a {rng.randint(10, 30)}-minute walk {rng.choice(TIMES)}.",
            f"Don't {rng.choice(['stress', 'worry', 'overthink it'])} if you miss a day.",
            f"If you want to {rng.choice(['improve', 'boost', 'protect', 'support'])} your {self.pick(BODY)}, start with {rng.choice(['one', 'a single', 'a small'])} change.",
            f"Reduce the heat and let the {self.food()} {rng.choice(['soften', 'brown', 'thicken'])} slowly.",
            f"To get the most out of {self.thing()}, pair it with {self.food()} and plenty of water.",
        ])

    def _description(self) -> str:
        rng = self.rng
        return rng.choice([
            f"{_cap(self.food())} {rng.choice(['is', 'are'])} a {rng.choice(ADJECTIVES)} source of {self.pick(NUTRIENTS)}.",
            f"{_cap(self.food())} {rng.choice(['tastes', 'works', 'goes'])} {rng.choice(['great', 'well', 'nicely'])} with {self.food()} and a pinch of {rng.choice(['salt', 'pepper', 'chilli'])}.",
            f"The {self.pick(BODY)} is {rng.choice(['complex', 'busy', 'fascinating', 'hard-working'])}, and it {rng.choice(['needs', 'uses', 'relies on'])} {self.pick(NUTRIENTS)} for {rng.choice(['many', 'dozens of', 'hundreds of'])} processes.",
            f"{_cap(self.pick(ACTIVITIES))} is {rng.choice(ADJECTIVES)}, {rng.choice(ADJECTIVES)} and {rng.choice(['free', 'cheap', 'fun'])}.",
            f"There are {rng.choice(['many', 'several', 'a few'])} kinds of {self.pick(NUTRIENTS)} on the shelf at {_name(rng)} Market.",
            f"Most {self.food()} in the shops comes from {rng.choice(['Spain', 'Peru', 'India', 'Kenya', 'Italy', 'Vietnam'])}.",
            f"Many of {self.pick(PEOPLE)} ask how {self.pick(CONDITIONS)} affects their {rng.choice(['work', 'mood', 'weekends', 'training'])}.",
            f"The way you {rng.choice(['shop', 'cook', 'plan your week'])} can affect what ends up on your plate, and that is where small changes add up.",
            f"{_cap(self.pick(ACTIVITIES))} gives you time to {rng.choice(['think', 'unwind', 'chat', 'breathe'])}, which is half the appeal for {self.pick(PEOPLE)}.",
        ])

    def _claim(self) -> str:
        rng = self.rng
        return rng.choice([
            f"{_cap(self.thing())} {rng.choice(CAUSAL)} {self.pick(CONDITIONS)}.",
            f"{_cap(self.pick(NUTRIENTS))} {rng.choice(CAUSAL)} your {self.pick(BODY)}.",
            f"Eating too much {rng.choice(['sugar', 'salt', 'processed food', 'fried food'])} leads to {self.pick(CONDITIONS)}.",
            f"Poor sleep {rng.choice(CAUSAL)} {self.pick(CONDITIONS)} and {rng.choice(['mood', 'focus', 'appetite'])}.",
            f"{_cap(self.pick(ACTIVITIES))} is one of the best ways to fight {self.pick(CONDITIONS)}.",
        ])

    def _hedged(self) -> str:
        rng = self.rng
        return rng.choice([
            f"{_cap(self.thing())} {rng.choice(HEDGES)} {rng.choice(['reduce', 'ease', 'lower', 'improve'])} {self.pick(CONDITIONS)} in some people.",
            f"For some readers, {self.thing()} {rng.choice(HEDGES)} make a difference to {self.pick(BODY)}.",
            f"It's possible that {self.pick(NUTRIENTS)} plays a role in {self.pick(CONDITIONS)}, but the evidence is mixed.",
        ])

    def _linked(self) -> str:
        rng = self.rng
        return (f"A {rng.randint(2008, 2024)} trial found that {self.pick(NUTRIENTS)} "
                f"{rng.choice(CAUSAL)} {self.pick(CONDITIONS)} {self.link('in older adults')}.")

    def _statistic(self) -> str:
        rng = self.rng
        return rng.choice([
            f"About {rng.randint(5, 90)}% of adults don't get enough {self.pick(NUTRIENTS)}.",
            f"Roughly one in {rng.randint(3, 9)} people {rng.choice(['live with', 'report', 'deal with'])} {self.pick(CONDITIONS)}.",
            f"A cup of {self.food()} has around {rng.randint(2, 400)} mg of {self.pick(NUTRIENTS)}.",
            f"People who {rng.choice(['walk', 'sleep seven hours', 'eat fish'])} are {rng.randint(2, 4)} times less likely to report {self.pick(CONDITIONS)}.",
        ])

    def _studies(self) -> str:
        rng = self.rng
        return (f"{rng.choice(['Studies show', 'Research suggests', 'Experts agree', 'Science says'])} that "
                f"{self.thing()} {rng.choice(CAUSAL)} {self.pick(CONDITIONS)}.")

    def _question(self) -> str:
        rng = self.rng
        return rng.choice([f"But does {self.thing()} really work?", f"What about {self.food()}?",
                           f"Sound familiar?", f"Why does {self.pick(BODY)} matter so much?",
                           f"Have you ever tried {self.food()} for breakfast?"])

    def _transition(self) -> str:
        return self.rng.choice(["Here's the thing.", "Let's take a closer look.", "But that's not all.",
                                "This is where it gets interesting.", "So what does that mean for you?",
                                "Now, on to the good part.", "Bear with me here.", "You get the idea."])

    def _definition(self) -> str:
        rng = self.rng
        return (f"{_cap(self.pick(CONDITIONS))} is a {rng.choice(['common', 'chronic', 'frustrating'])} "
                f"condition that {rng.choice(['affects', 'troubles', 'bothers'])} {rng.choice(['millions of', 'many', 'plenty of'])} people.")

    def _recipe(self) -> str:
        rng = self.rng
        return rng.choice([
            f"{_cap(rng.choice(NEUTRAL_VERBS))} the {self.food()} with {rng.randint(1, 3)} tablespoons of {self.food()}.",
            f"Let it {rng.choice(['simmer', 'cool', 'rest', 'bake'])} for {rng.randint(5, 45)} minutes, then {rng.choice(NEUTRAL_VERBS)} it.",
            f"Top with {self.food()}, a squeeze of lemon and some fresh {rng.choice(['herbs', 'mint', 'basil', 'parsley'])}.",
            f"Preheat the oven to {rng.choice([180, 190, 200, 220])}°C (about {rng.choice([350, 375, 400, 425])}°F).",
            f"You can store leftovers in the fridge for {rng.randint(2, 5)} days.",
        ])

    def _opinion(self) -> str:
        rng = self.rng
        return rng.choice([
            f"I think {self.food()} is {rng.choice(['underrated', 'overrated', 'delicious', 'a bit boring'])}.",
            f"In my experience, {rng.choice(ADVERBS)} the {rng.choice(ADJECTIVES)} {rng.choice(['habits', 'meals', 'changes'])} stick best.",
            f"You don't need a {rng.choice(['fancy', 'pricey', 'complicated'])} {rng.choice(['plan', 'gadget', 'app'])} to eat well.",
            f"It's {rng.choice(['not about', 'less about'])} perfection and more about {rng.choice(['progress', 'consistency', 'balance'])}.",
        ])

    def paragraph(self) -> str:
        rng = self.rng
        count = rng.choices([1, 2, 3, 4, 5, 6, 8, 12], [8, 14, 18, 18, 14, 10, 6, 2])[0]
        text = " ".join(self.emphasise(self.sentence()) for _ in range(count))
        if rng.random() < 0.08:
            self.footnotes += 1
            text = text[:-1] + f"[^{self.footnotes}]" + text[-1]
        return text

    def heading(self, level: int, number: int | None = None) -> str:
        rng = self.rng
        title = rng.choice([
            f"Why {self.thing()} matters", f"How {self.pick(BODY)} works", f"What about {self.pick(CONDITIONS)}?",
            f"{_cap(self.thing())} and {self.pick(CONDITIONS)}", f"My {rng.choice(ADJECTIVES)} {rng.choice(['routine', 'recipe', 'plan'])}",
            f"The {rng.choice(ADJECTIVES)} truth about {self.food()}", f"Getting started", f"Tips for {rng.choice(['beginners', 'busy parents', 'shift workers'])}",
            f"It {rng.choice(CAUSAL)} {self.pick(CONDITIONS)}",
        ])
        prefix = f"{number}. " if number is not None else ""
        return f"{'#' * level} {prefix}{_cap(title)}"

    def bullets(self) -> list[str]:
        rng = self.rng
        numbered = rng.random() < 0.35
        items = []
        for i in range(rng.randint(3, 7)):
            style = rng.random()
            if style < 0.35:
                body = f"**{_cap(self.food())}:** {self.sentence()}"
            elif style < 0.65:
                body = self.thing().capitalize() + rng.choice(["", f" ({rng.randint(5, 300)} mg)", " and " + self.food()])
            else:
                body = self.emphasise(self.sentence())
            items.append(f"{i + 1}. {body}" if numbered else f"- {body}")
        return items

    def table(self) -> list[str]:
        rng = self.rng
        rows = ["| Food | Serving | " + self.pick(NUTRIENTS).capitalize() + " (mg) |", "| --- | --- | --- |"]
        rows += [f"| {self.food()} | {rng.choice(['1 cup', '100 g', '2 tbsp', '1 medium'])} | {rng.randint(1, 400)} |"
                 for _ in range(rng.randint(3, 6))]
        return rows

    def front_matter(self, title: str) -> list[str]:
        rng = self.rng
        tags = ", ".join(rng.sample(["nutrition", "sleep", "gut health", "wellness", "recipes", "fitness",
                                     "supplements", "stress", "hormones", "skin"], 3))
        return ["---", f'title: "{title}"', f"date: 20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"author: {rng.choice(FIRST)} {rng.choice(SURNAMES)}", f"tags: [{tags}]",
                f'description: "{self.sentence()}"', "---", ""]

    def draft(self, words: int) -> str:
        rng = self.rng
        self.footnotes = 0
        title = rng.choice([f"{rng.randint(3, 12)} ways {self.thing()} can change your {self.pick(BODY)}",
                            f"Everything you need to know about {self.pick(CONDITIONS)}",
                            f"My {rng.choice(ADJECTIVES)} {self.food()} {rng.choice(['bowl', 'smoothie', 'salad'])}",
                            f"The {self.pick(BODY)} guide: {self.thing()}, {self.thing()} and more"])
        title = _cap(title)
        lines = self.front_matter(title) + [f"# {title}", ""]
        if rng.random() < 0.5:
            lines += [f"![{self.food()} on a {rng.choice(['plate', 'board', 'table'])}](/images/{_name(rng).lower()}.jpg)", ""]
        lines += [self.paragraph(), ""]
        numbered = rng.random() < 0.3
        section = 0
        while len(" ".join(lines).split()) < words:
            section += 1
            lines += [self.heading(2, section if numbered else None), ""]
            for _ in range(rng.randint(1, 4)):
                roll = rng.random()
                if roll < 0.62:
                    lines += [self.paragraph(), ""]
                elif roll < 0.82:
                    lines += self.bullets() + [""]
                elif roll < 0.88:
                    lines += [self.heading(3), "", self.paragraph(), ""]
                elif roll < 0.93:
                    lines += ["> " + self.emphasise(self.sentence()) + f" — {rng.choice(FIRST)} {rng.choice(SURNAMES)}", ""]
                elif roll < 0.96:
                    lines += self.table() + [""]
                else:
                    lines += [f"<!-- {rng.choice(['TODO', 'note', 'check this'])}: {self.sentence()} -->", ""]
        if rng.random() < 0.6:
            lines += ["*This article is for informational purposes only and is not a substitute for professional "
                      "medical advice. Talk to your doctor before changing your diet or supplements.*", ""]
        if rng.random() < 0.3:
            lines += ["## References", ""] + [
                f"{i}. {rng.choice(SURNAMES)} {rng.choice('ABCDEFGH')}, {rng.choice(SURNAMES)} {rng.choice('JKLMNPR')}. "
                f"{_cap(self.pick(NUTRIENTS))} and {self.pick(CONDITIONS)}. J Nutr. 20{rng.randint(10, 24)};"
                f"{rng.randint(1, 99)}({rng.randint(1, 12)}):{rng.randint(1, 900)}-{rng.randint(901, 999)}." for i in range(1, rng.randint(3, 7))] + [""]
        lines += [f"[^{i}]: See {self.link('the original paper')}." for i in range(1, self.footnotes + 1)]
        return "\n".join(lines).rstrip() + "\n"


def build_corpus(folder: Path, words: int, seed: int = 11) -> tuple[int, int]:
    """Write drafts of about DRAFT_WORDS words each into `folder` until they hold `words` words;
    returns (files, words). A corpus smaller than one draft is one draft of that size."""
    writer = _Writer(random.Random(seed))
    files = total = 0
    while total < words:
        text = writer.draft(min(DRAFT_WORDS, words - total))
        (folder / f"post-{files:05d}.md").write_text(text, encoding="utf-8")
        files += 1
        total += len(text.split())
    return files, total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    files, words = build_corpus(args.folder, args.words, args.seed)
    print(f"{files} drafts, {words} words in {args.folder}")


if __name__ == "__main__":
    main()
