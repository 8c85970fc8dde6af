#!/usr/bin/env python3
"""Upsert UI texts into a resx pair (English neutral + zh-CN) without hand-editing XML.

usage: tools/texts.py src/CourierCrm.Web/Customers/CustomerTexts  < lines
  each input line: key<TAB>English<TAB>中文   (blank lines and lines starting with # ignored)
Creates <base>.resx and <base>.zh-CN.resx when missing; keeps keys sorted.
"""
import sys, os
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get('name'): (d.find('value').text or '') for d in root.findall('data')}

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def save(path, data):
    body = HEADER.rstrip().removesuffix('</root>')
    lines = [body.rstrip()]
    for k in sorted(data):
        lines.append(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(data[k])}</value></data>')
    lines.append('</root>\n')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))

def main():
    base = sys.argv[1].removesuffix('.resx')
    en_path, zh_path = base + '.resx', base + '.zh-CN.resx'
    en, zh = load(en_path), load(zh_path)
    for line in sys.stdin:
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) != 3:
            sys.exit(f'bad line (need key<TAB>en<TAB>zh): {line!r}')
        k, e, z = parts
        en[k], zh[k] = e, z
    save(en_path, en)
    save(zh_path, zh)
    print(f'{len(en)} keys in {en_path}')

if __name__ == '__main__':
    main()
