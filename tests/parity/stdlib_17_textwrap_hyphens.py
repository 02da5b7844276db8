# textwrap: how words, hyphenated words and em-dashes are split, dedent of
# mixed indentation, fix_sentence_endings
import textwrap
texts = ["Look, goof-ball -- use the -b option!", "well-known state-of-the-art x-ray a-b ab-cd-ef", "foo--bar baz---qux -- end", "e-mail re-do   multi   space\tTab", "12-34 ab-12 a_b-c_d naïve-café"]
for t in texts:
    w = textwrap.TextWrapper()
    print(w._split(t))
    print(textwrap.wrap(t, 7))
print(repr(textwrap.dedent("  a\n    b\n \n  c\n")), repr(textwrap.dedent("\ta\n  b")))
print(textwrap.fill("The quick brown fox. Jumped over. the lazy dog", 20, fix_sentence_endings=True))
