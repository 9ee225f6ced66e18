// Shared by the peer pages: the 650 seats of data/index.json as the widget's national
// table shows them (seat, winner, party, result, majority, majority %, turnout), and
// the host element's data-state, which the benchmark's timer waits for as it waits
// for the widget's.
window.peerSeats = async function peerSeats() {
  const index = await (await fetch('data/index.json')).json();
  const parties = new Map(index.parties.map((p) => [p.id, p]));
  const abbreviation = (id) => parties.get(id)?.abbreviation ?? id;
  return index.seats.map((s) => ({
    seat: s.name,
    winner: s.winner,
    party: parties.get(s.party)?.name ?? s.party,
    result: `${abbreviation(s.party)} ${s.before === s.party ? 'hold' : `gain from ${abbreviation(s.before)}`}`,
    majority: s.majority,
    share: Math.round(s.majority_share * 1000) / 10,
    turnout: Math.round(s.turnout * 1000) / 10,
  }));
};
window.peerReady = () => document.querySelector('[data-results-widget]').setAttribute('data-state', 'ready');
