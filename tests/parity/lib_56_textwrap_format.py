# textwrap: wrapping a paragraph, dedenting a docstring, indenting a quote
import textwrap

paragraph = ("Concurrency is about dealing with lots of things at once. Parallelism is about "
             "doing lots of things at once. Not the same, but related: one is about structure, "
             "the other is about execution.")
for line in textwrap.wrap(paragraph, width=40):
    print(f"|{line:<40}|")
print(textwrap.fill(paragraph, width=60, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(paragraph, width=50))
print(textwrap.shorten("Hello  world", width=11, placeholder="..."))


def usage():
    """
        Usage: tool [options] FILE

          -v   verbose
          -q   quiet
    """


print(textwrap.dedent(usage.__doc__).strip("\n"))
quote = "First line\nSecond line\n\nFourth after blank"
print(textwrap.indent(quote, "> "))
print(textwrap.indent(quote, "+ ", predicate=lambda line: True))
wrapper = textwrap.TextWrapper(width=25, break_long_words=True, max_lines=3, placeholder=" [more]")
print(wrapper.fill("Supercalifragilisticexpialidocious words break across lines when too long to fit"))
print(textwrap.wrap("a b c", width=1))
print(textwrap.wrap("", width=10), textwrap.fill("tabs\there", width=20, expand_tabs=True, tabsize=4))
