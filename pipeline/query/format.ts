// The canonical text of a query: explicit keywords (NOT, never '-'; implicit AND as a
// space), straight quotes, parentheses only where precedence needs them, so that
// parseQuery(formatQuery(node)) equals node for every node assertQueryNode accepts.
import { KEYWORDS, type LeafNode, type QueryNode } from './ast.ts';

/** Binding strength: a child binding less tightly than its parent needs parentheses. */
const RANK: Record<QueryNode['type'], number> = {
  or: 1,
  and: 2,
  near: 3,
  not: 4,
  term: 5,
  phrase: 5,
  field: 5,
  topic: 5,
  tone: 5,
  source: 5,
  category: 5,
  date: 5,
};

export function formatQuery(node: QueryNode): string {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return formatLeaf(node);
    case 'and':
      // Same-type children are parenthesised too: the AST keeps the grouping it was given.
      return node.children.map((c) => wrap(c, RANK[c.type] <= RANK.and)).join(' ');
    case 'or':
      return node.children.map((c) => wrap(c, RANK[c.type] <= RANK.or)).join(' OR ');
    case 'not':
      return `NOT ${wrap(node.child, RANK[node.child.type] < RANK.not)}`;
    case 'near':
      return `${formatLeaf(node.left)} NEAR/${node.distance} ${formatLeaf(node.right)}`;
    case 'field':
      return `${node.field}:${wrap(node.child, node.child.type !== 'term' && node.child.type !== 'phrase')}`;
    case 'topic':
      return `topic:${node.topic}`;
    case 'tone':
      return `tone:${node.tone}`;
    case 'source':
      return `source:${node.source}`;
    case 'category':
      return `category:${node.category}`;
    case 'date':
      return `${node.bound}:${node.date}`;
  }
}

function formatLeaf(node: LeafNode): string {
  if (node.type === 'phrase') return `"${node.text}"`;
  if (node.prefix) return `${node.text}*`;
  // A term spelled like a keyword is only a term when quoted.
  return KEYWORDS.includes(node.text) ? `"${node.text}"` : node.text;
}

function wrap(node: QueryNode, parens: boolean): string {
  const s = formatQuery(node);
  return parens ? `(${s})` : s;
}
