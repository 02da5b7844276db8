# expect-stderr: :4:1: error:
# expect-stderr: is not available in the simulator
# expect-exit: 1
from xml.etree import ElementTree

root = ElementTree.fromstring("<a/>")
print(root.tag)
