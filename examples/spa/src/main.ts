import { createTracker, type CartItem } from '@sillage/tracker'
import { spa } from '@sillage/tracker/spa'
import { startRouter } from './router.js'

const PRODUCTS: Record<string, { name: string; price: number }> = {
  mug: { name: 'Enamel mug', price: 14 },
  map: { name: 'Coastline map', price: 35 },
}

const setting = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? ''

// One tracker for the app: a page view now, then `spa()` records one per route change.
const sillage = createTracker({
  endpoint: setting('sillage-endpoint'),
  writeKey: setting('sillage-write-key'),
  plugins: [spa()],
})
sillage.page()

const cart: CartItem[] = []

function addToCart(id: string) {
  const product = PRODUCTS[id]
  if (!product) return
  const line = cart.find((item) => item.id === id)
  if (line) line.quantity = (line.quantity ?? 0) + 1
  else cart.push({ id, name: product.name, price: product.price, quantity: 1 })
  const total = cart.reduce((sum, item) => sum + (item.price ?? 0) * (item.quantity ?? 0), 0)
  sillage.cartUpdated({ id: 'cart:spa', data: { total, currency: 'EUR', items: cart } })
  document.getElementById('cart-count')!.textContent = String(cart.reduce((sum, item) => sum + (item.quantity ?? 0), 0))
}

function render(url: URL) {
  const view = document.getElementById('view')!
  const productId = url.pathname.match(/^\/products\/([\w-]+)$/)?.[1]
  const product = productId ? PRODUCTS[productId] : undefined
  if (product && productId) {
    document.title = `${product.name} · Sillage SPA`
    view.innerHTML = `<h1>${product.name}</h1><p>${product.price} €</p>
      <button type="button" id="add">Add to cart</button>
      <button type="button" id="remember-scroll">Remember scroll position</button>`
    view.querySelector('#add')!.addEventListener('click', () => addToCart(productId))
    // Routers save UI state this way: same URL, new history state. Not a page view.
    view
      .querySelector('#remember-scroll')!
      .addEventListener('click', () => history.replaceState({ scrollY: window.scrollY }, '', location.href))
  } else if (url.pathname === '/cart') {
    document.title = 'Cart · Sillage SPA'
    view.innerHTML = `<h1>Cart</h1><ul>${cart.map((item) => `<li>${item.quantity} × ${item.name}</li>`).join('')}</ul>`
  } else {
    document.title = 'Home · Sillage SPA'
    view.innerHTML = `<h1>Home</h1><p>Pick a product above; every route change is one <code>page_visited</code>.</p>`
  }
}

startRouter(render)
